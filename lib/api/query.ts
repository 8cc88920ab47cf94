'use client';

import {
  type QueryClient,
  type QueryKey,
  type UseMutationOptions,
  type UseQueryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type ApiError, callApi } from './client';
import type { Answer, ApiTag, CallInput, Operation } from './operation';

/**
 * react-query over the API's operations: one key factory, queries typed from their operation, and
 * mutations whose invalidations come from the operation (`op.invalidates`), never from the screen.
 */

export const queryKeys = {
  /** Every cached query of a family: what a mutation invalidates. */
  family: (tag: ApiTag): QueryKey => [tag],
  /** Every cached query of one operation, whatever its input: `['silences', 'GET /api/v1/silences']`. */
  operation: (op: Operation): QueryKey => [op.tag, `${op.method} ${op.path}`],
  /** One operation's query for one input: `['alerts', 'GET /api/v1/alerts', {query: …}]`. */
  of: <O extends Operation>(op: O, input: CallInput<O>): QueryKey => [
    op.tag,
    `${op.method} ${op.path}`,
    input,
  ],
};

/** Marks stale, and refetches where shown, every cached query of the families the operation changes. */
export async function invalidateAfter(client: QueryClient, op: Operation): Promise<void> {
  await Promise.all(
    (op.invalidates ?? []).map((tag) => client.invalidateQueries({ queryKey: queryKeys.family(tag) })),
  );
}

export function useApiQuery<O extends Operation>(
  op: O,
  input: CallInput<O>,
  options: Omit<UseQueryOptions<Answer<O>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Answer<O>, ApiError>({
    queryKey: queryKeys.of(op, input),
    queryFn: ({ signal }) => callApi(op, input, { signal }),
    ...options,
  });
}

export function useApiMutation<O extends Operation>(
  op: O,
  options: Omit<UseMutationOptions<Answer<O>, ApiError, CallInput<O>>, 'mutationFn'> = {},
) {
  const client = useQueryClient();
  return useMutation<Answer<O>, ApiError, CallInput<O>>({
    mutationFn: (input) => callApi(op, input),
    ...options,
    onSuccess: async (...args) => {
      await invalidateAfter(client, op);
      await options.onSuccess?.(...args);
    },
  });
}
