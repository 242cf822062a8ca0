import type { Role } from '../../../contracts/common.js';
/**
 * The public address of a network from its name: "Regionales Bildungsnetzwerk Hochsauerlandkreis" →
 * "hochsauerlandkreis". German letters are transliterated, the common prefix is dropped.
 */
export function slugFor(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/^(regionales\s+)?bildungs(netzwerk|region|büro|buero)\s+/, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return base || 'netzwerk';
}

/** The German name of each role, as the audit trail and mails write it. */
export const roleLabel: Record<Role, string> = {
  admin: 'Administration',
  office: 'Bildungsbüro',
  committee: 'Mitglied des Lenkungskreises',
  guest: 'Gast (beratend)',
  partner: 'Netzwerkpartner',
};
