export const root: string;
export const dist: string;
export const stampFile: string;
export function newestSource(): number;
export function buildNeeded(): 'missing' | 'outdated' | null;
