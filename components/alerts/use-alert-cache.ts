'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { alertDetailOp, listAlertsOp } from '@/lib/alerts/api';
import type { AlertDetail, AlertItem, AlertsResponse } from '@/lib/alerts/api-schema';
import { queryKeys } from '@/lib/api/query';
import { type AlertRef, changeAlertInDetail, changeAlertInList } from './alert-cache';

/** Changes one alert in every cached alerts list and detail (see alert-cache.ts). */
export function useChangeCachedAlert() {
  const client = useQueryClient();
  return useCallback(
    (ref: AlertRef, change: (alert: AlertItem) => AlertItem) => {
      client.setQueriesData<AlertsResponse>({ queryKey: queryKeys.operation(listAlertsOp) }, (list) =>
        list ? changeAlertInList(list, ref, change) : list,
      );
      client.setQueriesData<AlertDetail>({ queryKey: queryKeys.operation(alertDetailOp) }, (detail) =>
        detail ? changeAlertInDetail(detail, ref, change) : detail,
      );
    },
    [client],
  );
}
