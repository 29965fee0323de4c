import { Text } from '@fluentui/react-components';
import type { AdminText } from '../admin-text.js';
import { usePageStyles } from './styles.js';

/** Until the policy editor lands: says so, where it will be. */
export function PolicyPage({ text }: { readonly text: AdminText }) {
  const styles = usePageStyles();
  return (
    <section className={styles.page} aria-labelledby="policy-heading" data-testid="policy-page">
      <h2 id="policy-heading" className={styles.heading}>
        {text('admin.policy.heading')}
      </h2>
      <Text as="p">{text('admin.policy.later')}</Text>
    </section>
  );
}
