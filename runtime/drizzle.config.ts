import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './runtime/src/db/schema/*.ts',
  out: './runtime/drizzle',
});
