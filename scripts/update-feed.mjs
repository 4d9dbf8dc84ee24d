// The auto-update feed of a packaged build: a generic (static files) server named by
// SILO_UPDATE_URL at packaging time, or none. A build without a feed ships no app-update.yml, and
// Silo then never checks for updates (src/main/update/policy.ts).

/** The feed's URL must be https, with a host and no credentials in it. */
export function updateFeed(env) {
  const raw = (env.SILO_UPDATE_URL ?? '').trim();
  if (raw === '') return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SILO_UPDATE_URL is not a URL: ${raw}`);
  }
  if (url.protocol !== 'https:' || url.hostname === '' || url.username !== '' || url.password !== '') {
    throw new Error('SILO_UPDATE_URL must be an https URL with a host and no credentials');
  }
  // Windows: the signing certificate's subject name, which electron-updater checks an update's
  // signature against (electron-builder also finds it itself when it signs the build).
  const publisher = (env.SILO_WIN_PUBLISHER ?? '').trim();
  return { provider: 'generic', url: url.toString(), ...(publisher ? { publisherName: [publisher] } : {}) };
}
