import { UserDto } from '@barometer/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { itemsOf } from '../../../lib/items-schema.ts';
import { queryKeys } from '../../../lib/query-keys.ts';

const UserList = itemsOf(UserDto);

/** Everyone who can sign in, for the people page and for naming people in the audit log. */
export function useUsers(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.users.list(),
    queryFn: ({ signal }) => api.request('/api/users', UserList, { signal }),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}
