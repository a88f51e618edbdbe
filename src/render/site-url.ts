/**
 * Absolute addresses under `output.base_url`, for canonical links and the feed. The base names a
 * folder, so it is read as one whether or not it ends in "/": `new URL("feed.xml", "https://x.se/lagesbild")`
 * would otherwise resolve against the parent and give `https://x.se/feed.xml`.
 * @example siteUrl("https://x.se/lagesbild", "2024-03/index.html") // "https://x.se/lagesbild/2024-03/index.html"
 */
export function siteUrl(base: string, rel: string): string {
  const folder = new URL(base);
  // The page's own query and fragment are not part of the folder.
  folder.search = "";
  folder.hash = "";
  if (!folder.pathname.endsWith("/")) folder.pathname += "/";
  return new URL(rel, folder).href;
}
