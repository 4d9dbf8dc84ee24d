export function updateFeed(env: Readonly<Record<string, string | undefined>>): { provider: 'generic'; url: string; publisherName?: string[] } | null;
