import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request from the validated configuration (nothing at import, so the build needs none).
function handler(request: Request, context: Context) {
  return NextAuth(getAuthOptions())(request, context);
}

export { handler as GET, handler as POST };
