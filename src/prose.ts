/** A count and its noun, in the number the count takes: `1 try`, `2 tries`, `0 groups`. */
export function counted(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/** 12000 → 12,000; Intl.NumberFormat would cost some 9 ms of ICU loading for this. */
export function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
