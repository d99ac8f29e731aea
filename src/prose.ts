/** A count and its noun, in the number the count takes: `1 try`, `2 tries`, `0 groups`. */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}
