'use client';

import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { Table } from '@/components/ui/table';

/** An action item as the editor holds it; `key` tells rows apart before the server gave them an id. */
export type ActionItemDraft = {
  key: string;
  id?: string;
  title: string;
  ownerId: string | null;
  dueDate: string | null;
  done: boolean;
  /** The owner's name as the server last sent it, for the read-only view. */
  owner?: string | null;
};

export type Owner = { id: string; label: string };

/** The action items table: add, remove, owner, due date, done. Read-only shows the same columns as text. */
export function PostmortemActionItems({
  items,
  owners,
  readOnly,
  onChange,
}: {
  items: readonly ActionItemDraft[];
  owners: readonly Owner[];
  readOnly: boolean;
  onChange: (items: ActionItemDraft[]) => void;
}) {
  const update = (key: string, change: Partial<ActionItemDraft>) =>
    onChange(items.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const ownerLabel = (item: ActionItemDraft) =>
    owners.find((o) => o.id === item.ownerId)?.label ?? item.owner ?? '—';
  return (
    <div className="flex flex-col gap-2">
      <Table
        caption="Action items"
        columns={[
          { header: 'Done' },
          { header: 'Action' },
          { header: 'Owner' },
          { header: 'Due' },
          !readOnly && { header: 'Remove', hidden: true },
        ]}
        rows={items}
        rowKey={(item) => item.key}
        empty="No action items yet."
        renderRow={(item, i) => (
          <tr data-testid="action-item" className="border-t border-border align-middle">
            <td className="py-1 pr-2">
              <input
                type="checkbox"
                checked={item.done}
                disabled={readOnly}
                aria-label={`Action item ${i + 1} done`}
                onChange={(e) => update(item.key, { done: e.target.checked })}
              />
            </td>
            <td className="py-1 pr-2">
              {readOnly ? (
                <span className={item.done ? 'line-through' : ''}>{item.title}</span>
              ) : (
                <Input
                  value={item.title}
                  aria-label={`Action item ${i + 1}`}
                  placeholder="What must be done"
                  onChange={(e) => update(item.key, { title: e.target.value })}
                />
              )}
            </td>
            <td className="py-1 pr-2">
              {readOnly ? (
                ownerLabel(item)
              ) : (
                <Select
                  value={item.ownerId ?? ''}
                  aria-label={`Action item ${i + 1} owner`}
                  onChange={(e) => update(item.key, { ownerId: e.target.value || null })}
                >
                  <option value="">No owner</option>
                  {owners.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </Select>
              )}
            </td>
            <td className="py-1 pr-2">
              {readOnly ? (
                (item.dueDate ?? '—')
              ) : (
                <Input
                  type="date"
                  value={item.dueDate ?? ''}
                  aria-label={`Action item ${i + 1} due date`}
                  onChange={(e) => update(item.key, { dueDate: e.target.value || null })}
                />
              )}
            </td>
            {readOnly ? null : (
              <td className="py-1">
                <Button
                  variant="ghost"
                  aria-label={`Remove action item ${i + 1}`}
                  onClick={() => onChange(items.filter((x) => x.key !== item.key))}
                >
                  ✕
                </Button>
              </td>
            )}
          </tr>
        )}
      />
      {readOnly ? null : (
        <div>
          <Button
            variant="secondary"
            onClick={() =>
              onChange([
                ...items,
                {
                  key: `new-${Date.now()}-${items.length}`,
                  title: '',
                  ownerId: null,
                  dueDate: null,
                  done: false,
                },
              ])
            }
          >
            Add action item
          </Button>
        </div>
      )}
    </div>
  );
}
