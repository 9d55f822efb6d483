// Build-time edits of @oclif/core inside the bundle (scripts/bundle.mjs), each one
// behaving exactly as the code it replaces for what natsgh gives it, and skipped
// with a warning when a new oclif no longer has that code.

/**
 * Orders command ids as `a.localeCompare(b)` does, without ICU when both ids are made of
 * lowercase letters, ':' and '-' (every natsgh and oclif plugin command id): for those,
 * ICU's root collation orders as the code units do ('-' < ':' < letters). The first
 * localeCompare of a process creates ICU's collator: ~6 ms of every start, spent by
 * oclif's Plugin.load sorting the manifest's commands.
 */
export function compareIds(a, b) {
  if (/^[a-z:-]*$/.test(a) && /^[a-z:-]*$/.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

export const PATCHES = [
  {
    what: "Plugin.load's sort of the commands by id (compareIds)",
    find: '.sort((a,b)=>a.id.localeCompare(b.id))',
    replace: '.sort((a,b)=>__natsgh_compareIds(a.id,b.id))',
    banner: `const __natsgh_compareIds = ${compareIds.toString()};`,
  },
];
