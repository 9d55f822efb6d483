// What the identity record of a controller natsgh started holds besides the
// process identity (written by deploy-controller and by the controller itself,
// so both must agree): the CLI version, its health port and its shutdown token.
export function controllerRecordMeta(
  version: string,
  port: number,
  shutdownToken: string | undefined,
): Record<string, string> {
  return { version, port: String(port), ...(shutdownToken ? { shutdownToken } : {}) };
}
