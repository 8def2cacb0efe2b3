// Search keys for the entity table: Arabic spelling variants (hamza on alef, ta marbuta,
// alef maqsura, diacritics, tatweel) and Latin case are folded, so "الاردن" finds "الأردن".

export function searchKey(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .toLowerCase();
}
