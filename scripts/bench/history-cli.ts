// `npm run bench:history [-- --runs 7]`: the history benchmark alone (the real stack and the
// production build, as `npm run bench` starts them), printing the Targets rows `npm run bench` would write.
import { parseArgs } from 'node:util';
import { measureHistory } from './history';
import { historyRows } from './report';
import { startBenchEnv } from './setup';

const log = (line: string) => console.log(`[bench] ${line}`);
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
  const env = await startBenchEnv(log);
  try {
    const result = await measureHistory({
      databaseUrl: env.stack.databaseUrl,
      vigilUrl: env.server.url,
      apiToken: env.apiToken,
      runs: Number(values.runs),
      log,
    });
    console.log(JSON.stringify(result, null, 2));
    for (const row of historyRows(result)) console.log(`| ${row.figure} | ${row.value} | ${row.target} |`);
  } finally {
    await env.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
