import { config } from '@/lib/config/current';
import { route } from '@/lib/http/route';
import { exportOncallConfigOp, importOncallConfigOp } from '@/lib/oncall-config/api';
import { importOncallConfig } from '@/lib/oncall-config/apply';
import { exportOncallConfig } from '@/lib/oncall-config/read';

export const GET = route(
  exportOncallConfigOp,
  async (_input, { actor }) =>
    new Response(await exportOncallConfig(actor), {
      headers: {
        'content-type': 'text/yaml; charset=utf-8',
        'content-disposition': 'attachment; filename="vigil-oncall.yaml"',
        'cache-control': 'private, no-store',
      },
    }),
);

export const POST = route(importOncallConfigOp, async ({ body }, { actor }) =>
  importOncallConfig(
    actor,
    body,
    config().channels.map((c) => c.name),
  ),
);
