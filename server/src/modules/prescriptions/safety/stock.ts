import type { RawFinding, SafetyInput } from './types';

/** The county pharmacy must be able to dispense: out of stock is refused, too little stock warns. */
export function stockRule(input: SafetyInput): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { drug, packages } of input.items) {
    if (drug.stock <= 0) {
      out.push({
        id: `stock:${drug.id}:none`,
        rule: 'stock',
        severity: 'refused',
        medicationIds: [drug.id],
        message: `县医院药房${drug.name}无库存，无法调配，请选择其他药品。`,
        messageEn: `The county pharmacy has no ${drug.nameEn} in stock; choose another product.`,
      });
    } else if (packages !== null && packages > drug.stock) {
      out.push({
        id: `stock:${drug.id}:short:${packages}`,
        rule: 'stock',
        severity: 'warning',
        medicationIds: [drug.id],
        message: `${drug.name}库存不足：现有${drug.stock}${drug.packageUnit}，需${packages}${drug.packageUnit}。`,
        messageEn: `Not enough ${drug.nameEn} in stock: ${drug.stock} ${drug.packageUnit} on hand, ${packages} needed.`,
      });
    }
  }
  return out;
}
