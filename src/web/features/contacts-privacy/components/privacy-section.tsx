/** The person page's privacy section (consents, access export, erasure); placeholder until built. */
export function PrivacySection(_p: { networkId: string; personId: string }) {
  return null;
}
