import { authClient, unwrap } from '../../lib/auth-client';

export const updateName = (name: string) => unwrap(authClient.updateUser({ name }));
export const changePassword = (currentPassword: string, newPassword: string) =>
  unwrap(authClient.changePassword({ currentPassword, newPassword, revokeOtherSessions: true }));
export const enableTwoFactor = (password: string) =>
  unwrap(authClient.twoFactor.enable({ password })) as Promise<{ totpURI: string; backupCodes: string[] }>;
export const verifyTwoFactor = (code: string) => unwrap(authClient.twoFactor.verifyTotp({ code }));
export const disableTwoFactor = (password: string) => unwrap(authClient.twoFactor.disable({ password }));
