/** Hono context variables shared by the route modules. */
export type AppEnv = {
  Variables: {
    isAdminToken: (token: string) => boolean;
  };
};
