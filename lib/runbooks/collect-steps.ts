/**
 * A remark plugin that lists a runbook's `<Step id="…" title="…">` elements while MDX compiles it, so
 * the server knows which step ids exist (to refuse unknown ones) and their titles (for the incident
 * timeline) without rendering anything. Pure apart from pushing into `into`.
 */

export type StepInfo = { id: string; title: string };

/** The parts of an mdast node this plugin reads (mdast-util-mdx-jsx's shape). */
type Node = {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
};

type Fail = { fail(reason: string, place?: unknown): never };

const STEP_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function literal(node: Node, name: string): string | undefined {
  const attribute = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof attribute?.value === 'string' ? attribute.value : undefined;
}

/**
 * `remarkPlugins: [collectSteps(list)]`; compiling `<Step id="confirm" title="Confirm it is down">`
 * pushes `{id: 'confirm', title: 'Confirm it is down'}`. A step without a literal kebab-case id or a
 * title, or with an id used twice, fails the compilation at that line.
 */
export function collectSteps(into: StepInfo[]) {
  return () => (tree: Node, file: Fail) => {
    const walk = (node: Node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Step') {
        const id = literal(node, 'id');
        const title = literal(node, 'title');
        if (!id || !STEP_ID.test(id))
          file.fail('<Step> needs id="…" as a literal kebab-case string, e.g. id="check-target"', node);
        if (!title?.trim()) file.fail(`<Step id="${id}"> needs a title="…"`, node);
        if (into.some((s) => s.id === id)) file.fail(`<Step id="${id}"> is used twice`, node);
        into.push({ id, title: title.trim() });
      }
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
  };
}
