// `npm run db:migrate`: applies the committed migrations in prisma/migrations to DATABASE_URL (or the
// embedded database), offline. The server also does this at start-up; this is for deploy pipelines.
import { withDatabase } from './cli-database';

withDatabase(async () => {
  console.log('database is up to date');
}).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
