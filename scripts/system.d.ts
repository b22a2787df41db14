export function aptInstall(packages: string[]): boolean;
export function startPostgres(): Promise<{ url: string; stop(): void } | null>;
