/**
 * The PromQL expression behind an alert, from the generatorURL Prometheus attaches to it (a link to
 * its graph page with the expression as `g0.expr`). Alerts from other sources may carry another link
 * or none at all: then there is no expression.
 *
 *   exprFromGeneratorUrl('http://prom:9090/graph?g0.expr=up+%3D%3D+0&g0.tab=1') → 'up == 0'
 *   exprFromGeneratorUrl('http://prom:9090/graph?g0.tab=1') → undefined
 *   exprFromGeneratorUrl('') → undefined
 */
export function exprFromGeneratorUrl(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  // searchParams decodes the form encoding Prometheus uses: "+" is a space, %XX the rest.
  const expr = new URL(url).searchParams.get('g0.expr')?.trim();
  return expr || undefined;
}

/**
 * The address of the Prometheus that sent a generatorURL, as people's browsers reach it (its
 * `--web.external-url`): the URL without its `/graph` page and query. Anything else gives undefined.
 *
 *   prometheusBaseFromGeneratorUrl('https://ops.example.com/prometheus/graph?g0.expr=up') → 'https://ops.example.com/prometheus'
 *   prometheusBaseFromGeneratorUrl('http://prom:9090/graph?g0.expr=up&g0.tab=1')        → 'http://prom:9090'
 *   prometheusBaseFromGeneratorUrl('https://example.com/alerts/1')                       → undefined
 */
export function prometheusBaseFromGeneratorUrl(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (!/^https?:$/.test(parsed.protocol) || !parsed.pathname.endsWith('/graph')) return undefined;
  return `${parsed.origin}${parsed.pathname.slice(0, -'/graph'.length)}`;
}
