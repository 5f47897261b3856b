/**
 * The number of decimals a currency's amounts carry (ISO 4217's minor unit): 2 for USD and
 * EUR, 0 for JPY and KRW, 3 for KWD and BHD. A code Intl does not know (a scenario may name
 * its own unit, say "points") gets 2.
 * @example minorUnitDigits('JPY') // 0
 */
export function minorUnitDigits(currency: string): number {
  try {
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
    return digits ?? 2;
  } catch {
    return 2;
  }
}
