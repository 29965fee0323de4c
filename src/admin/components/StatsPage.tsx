import { Button, Field, Input, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { readAuditStatistics } from '../../api-client/index.js';
import type { AdminStatistics } from '../../protocol/index.js';
import type { AdminText } from '../admin-text.js';
import { localDayStart } from '../audit-form.js';
import { CALL_TIMEOUT_MS, type ConsoleSource } from '../console-source.js';
import { statsView, type NamedCount, type StatsView } from '../stats-view.js';
import { useLoader } from '../use-loader.js';
import { CountTable } from './CountTable.js';
import { DaysTable } from './DaysTable.js';
import { ProblemBar } from './ProblemBar.js';
import { DaysChart, RankChart, ShareChart } from './StatsCharts.js';
import { usePageStyles } from './styles.js';

const useStyles = makeStyles({
  pair: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: tokens.spacingHorizontalXXL },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10em, max-content) max-content',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  figure: { display: 'contents' },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
});

interface Range {
  readonly from: string;
  readonly to: string;
}

function RankSection({
  id,
  title,
  rows,
  text,
  nameHeader,
  colorIndex,
  countHeader,
  note,
}: {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly NamedCount[];
  readonly text: AdminText;
  readonly nameHeader: string;
  readonly colorIndex: number;
  readonly countHeader: string;
  readonly note?: string;
}) {
  const styles = usePageStyles();
  const local = useStyles();
  return (
    <section className={styles.section} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className={styles.subheading}>
        {title}
      </h3>
      {note === undefined ? null : (
        <Text as="p" className={styles.note}>
          {note}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text as="p" data-testid={`${id}-none`}>
          {text('admin.stats.none')}
        </Text>
      ) : (
        <div className={local.pair}>
          <RankChart rows={rows} colorIndex={colorIndex} />
          <CountTable
            caption={text('admin.stats.chartData')}
            nameHeader={nameHeader}
            countHeader={countHeader}
            rows={rows}
            text={text}
            testId={`${id}-table`}
          />
        </div>
      )}
    </section>
  );
}

function Figures({ view, text }: { readonly view: StatsView; readonly text: AdminText }) {
  const local = useStyles();
  const styles = usePageStyles();
  return (
    <section className={styles.section} aria-labelledby="stats-figures-heading">
      <h3 id="stats-figures-heading" className={styles.subheading}>
        {text('admin.stats.figures')}
      </h3>
      <dl className={local.figures}>
        {view.figures.map((figure) => (
          <div key={figure.testId} className={local.figure}>
            <dt>{figure.label}</dt>
            <dd className={local.value} data-testid={figure.testId}>
              {figure.value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Statistics({ stats, text }: { readonly stats: AdminStatistics; readonly text: AdminText }) {
  const styles = usePageStyles();
  const local = useStyles();
  const view = useMemo(() => statsView(stats, text), [stats, text]);
  return (
    <>
      <Text as="p" role="status" data-testid="stats-events">
        {text('admin.stats.events', { count: text.number(stats.events) })}
        {stats.capped ? ` ${text('admin.stats.capped', { count: text.number(stats.events) })}` : ''}
      </Text>
      <section className={styles.section} aria-labelledby="stats-days-heading">
        <h3 id="stats-days-heading" className={styles.subheading}>
          {text('admin.stats.perDay')}
        </h3>
        {view.days.length === 0 ? (
          <Text as="p">{text('admin.stats.none')}</Text>
        ) : (
          <div className={local.pair}>
            <DaysChart view={view} title={text('admin.stats.perDay')} />
            <DaysTable view={view} text={text} />
          </div>
        )}
      </section>
      <RankSection
        id="stats-rules"
        title={text('admin.stats.topRules')}
        rows={view.topRules}
        text={text}
        nameHeader={text('admin.stats.rule')}
        countHeader={text('admin.stats.count')}
        colorIndex={0}
      />
      <RankSection
        id="stats-blocks"
        title={text('admin.stats.blocksPerRule')}
        rows={view.blocksPerRule}
        text={text}
        nameHeader={text('admin.stats.rule')}
        countHeader={text('admin.stats.blockCount')}
        colorIndex={1}
      />
      <RankSection
        id="stats-domains"
        title={text('admin.stats.domains')}
        rows={view.domains}
        text={text}
        nameHeader={text('admin.stats.domain')}
        countHeader={text('admin.stats.confirmCount')}
        colorIndex={2}
        note={text('admin.stats.domainsHashed')}
      />
      <section className={styles.section} aria-labelledby="stats-confirmed-heading">
        <h3 id="stats-confirmed-heading" className={styles.subheading}>
          {text('admin.stats.confirmedBy')}
        </h3>
        <div className={local.pair}>
          {view.confirmedBy.some((row) => row.count > 0) ? <ShareChart rows={view.confirmedBy} /> : null}
          <CountTable
            caption={text('admin.stats.chartData')}
            nameHeader={text('admin.stats.confirmations')}
            countHeader={text('admin.stats.confirmCount')}
            rows={view.confirmedBy}
            text={text}
            testId="stats-confirmed-table"
          />
        </div>
      </section>
      <Figures view={view} text={text} />
    </>
  );
}

export function StatsPage({ source, text }: { readonly source: ConsoleSource; readonly text: AdminText }) {
  const styles = usePageStyles();
  const [draft, setDraft] = useState<Range>({ from: '', to: '' });
  const [range, setRange] = useState<Range>(draft);
  const { state, load } = useLoader<AdminStatistics>();
  const read = useCallback(
    (shown: Range) =>
      load(async () => {
        const from = localDayStart(shown.from);
        const to = localDayStart(shown.to, 1);
        return readAuditStatistics(
          source.origin,
          await source.token(),
          { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) },
          CALL_TIMEOUT_MS,
        );
      }),
    [load, source],
  );
  useEffect(() => read(range), [read, range]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRange(draft);
  };
  return (
    <section className={styles.page} aria-labelledby="stats-heading" data-testid="stats-page">
      <h2 id="stats-heading" className={styles.heading}>
        {text('admin.stats.heading')}
      </h2>
      <form className={styles.form} onSubmit={submit} aria-label={text('admin.stats.range')}>
        <Field label={text('admin.filter.from')}>
          <Input
            type="date"
            value={draft.from}
            onChange={(event) => setDraft({ ...draft, from: event.currentTarget.value })}
            data-testid="stats-from"
          />
        </Field>
        <Field label={text('admin.filter.to')}>
          <Input
            type="date"
            value={draft.to}
            onChange={(event) => setDraft({ ...draft, to: event.currentTarget.value })}
            data-testid="stats-to"
          />
        </Field>
        <Button type="submit" appearance="primary" data-testid="stats-show">
          {text('admin.stats.show')}
        </Button>
      </form>
      {state.phase === 'loading' || state.phase === 'idle' ? <Spinner label={text('admin.loading')} /> : null}
      {state.phase === 'failed' ? (
        <ProblemBar problem={state.problem} text={text} onRetry={() => read(range)} testId="admin-problem" />
      ) : null}
      {state.phase === 'ready' ? <Statistics stats={state.value} text={text} /> : null}
    </section>
  );
}
