// Every client form on one submit flow (decisions 0034 and 0041): a component that renders a `<form>` never
// calls a mutation hook itself (Apollo's `useMutation` or a generated `use…Mutation`). The mutation, with
// its refetching, lives in the feature's `hooks/use-<verb>-<noun>.ts`, and the form submits through
// `useMutationForm` (components/forms/use-mutation-form.ts), which holds the pending state, the local
// checks, the payload's `userErrors` beside their fields and the failed-request notice.
//
// A component is a function declared at the top level of a module (or a top-level `const X = () => …`):
// its hooks are called in its body, and its `<form>` may sit in any callback inside it.

/**
 * Components that did so when the rule was raised (their forms already submit through useMutationForm
 * or report an outcome, but call the mutation in the component). Only shrinks: see mutation-forms.spec.ts.
 * Empty since the last seven moved their mutations to their feature's hooks/ (issue 19 item 5).
 * @type {string[]}
 */
export const mutationFormAllowlist = [];

/** Apollo's hook and the hooks codegen writes for each mutation; not `useMutationForm`. */
export const mutationHook = /^use(?:[A-Z]\w*)?Mutation$/;

function calleeName(callee) {
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier')
    return callee.property.name;
  return null;
}

const functionTypes = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** The outermost function around `node`, or null at the top level of the module. */
function outermostFunction(ancestors) {
  return ancestors.find((ancestor) => functionTypes.has(ancestor.type)) ?? null;
}

/** The `forms/mutation-form` rule, as a local ESLint plugin. */
export const mutationFormsPlugin = {
  meta: { name: 'passerelle-forms' },
  rules: {
    'mutation-form': {
      meta: {
        type: 'problem',
        docs: {
          description:
            'A component that renders a <form> submits through useMutationForm and a feature hook, never a mutation hook of its own',
        },
        schema: [
          {
            type: 'object',
            properties: { allowlist: { type: 'array', items: { type: 'string' } } },
            additionalProperties: false,
          },
        ],
      },
      create(context) {
        const allowlist = context.options[0]?.allowlist ?? [];
        const file = context.filename.replace(/\\/g, '/');
        if (allowlist.some((allowed) => file.endsWith(`/${allowed}`))) return {};
        /** Per component: the mutation hook calls in it, and whether it renders a form. */
        const components = new Map();
        const entry = (fn) => {
          let found = components.get(fn);
          if (!found) components.set(fn, (found = { calls: [], form: false }));
          return found;
        };
        return {
          CallExpression(node) {
            const name = calleeName(node.callee);
            if (!name || !mutationHook.test(name)) return;
            const fn = outermostFunction(context.sourceCode.getAncestors(node));
            if (fn) entry(fn).calls.push({ node, name });
          },
          JSXOpeningElement(node) {
            if (node.name.type !== 'JSXIdentifier' || node.name.name !== 'form') return;
            const fn = outermostFunction(context.sourceCode.getAncestors(node));
            if (fn) entry(fn).form = true;
          },
          'Program:exit'() {
            for (const { calls, form } of components.values()) {
              if (!form) continue;
              for (const { node, name } of calls)
                context.report({
                  node,
                  message: `a component with a <form> calls ${name} itself: move the mutation (and its refetching) to the feature's hooks/use-<verb>-<noun>.ts and submit with useMutationForm`,
                });
            }
          },
        };
      },
    },
  },
};
