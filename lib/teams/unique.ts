import { ConflictError } from '@/lib/errors';

/**
 * Runs a write whose unique slug may collide with one created at the same moment: PostgreSQL's unique
 * index decides (Prisma code P2002), and the caller gets a 409 naming the slug instead of a 500.
 */
export async function slugTaken<T>(what: string, slug: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: unknown }).code === 'P2002')
      throw new ConflictError(`A ${what} with the slug "${slug}" exists already; choose another slug.`);
    throw error;
  }
}
