import type { PolicyProblem } from '../../policy/index.js';
import { usePageStyles } from './styles.js';

/** Policy problems as the console lists them everywhere: each JSON path, then what is wrong there. */
export function PathProblemList({ problems }: { readonly problems: readonly PolicyProblem[] }) {
  const styles = usePageStyles();
  return (
    <ul className={styles.list}>
      {problems.map((problem) => (
        <li key={`${problem.path} ${problem.message}`}>
          <code>{problem.path}</code> {problem.message}
        </li>
      ))}
    </ul>
  );
}
