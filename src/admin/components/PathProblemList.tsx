import type { PolicyProblemOnWire } from '../../protocol/index.js';
import type { AdminText } from '../admin-text.js';
import { usePageStyles } from './styles.js';

/** Policy problems as the console lists them everywhere: each JSON path, then what is wrong there in the reader's language. */
export function PathProblemList({ problems, text }: { readonly problems: readonly PolicyProblemOnWire[]; readonly text: AdminText }) {
  const styles = usePageStyles();
  return (
    <ul className={styles.list}>
      {problems.map((problem) => (
        <li key={`${problem.path} ${problem.message}`}>
          <code>{problem.path}</code> {text.problem(problem)}
        </li>
      ))}
    </ul>
  );
}
