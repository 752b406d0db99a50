import { z } from 'zod';
import { ZFormBoolean } from './setup';
import { ZPassword } from './user';

const ZUserId = z.uuid({ error: 'Unknown user' });

/** An admin sets a new password for a user (there is no self-service reset) and tells them it. */
export const ZResetPassword = z.object({ userId: ZUserId, password: ZPassword });

/** Deactivating keeps the user's history (answers, audit); they can no longer sign in. */
export const ZSetUserActive = z.object({ userId: ZUserId, isActive: ZFormBoolean });

export const ZSetUserAdmin = z.object({ userId: ZUserId, isAdmin: ZFormBoolean });
