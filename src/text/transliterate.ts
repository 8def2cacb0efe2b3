// A rough Arabic → Latin transliteration for the English name of entities no gazetteer lists
// (so every entity has name.en, as downstream tools and the scorer expect).
import { isWordMark } from './normalize.js';
const MAP: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z',
  س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: "'", غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n',
  ه: 'h', ة: 'a', و: 'w', ي: 'y', ى: 'a', ء: "'", ؤ: "'", ئ: "'", پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ڤ: 'v', ک: 'k', ی: 'y',
};

export function transliterate(ar: string): string {
  const words = ar.split(/\s+/).map((w) => {
    let out = '';
    for (const ch of w) out += MAP[ch] ?? (isWordMark(ch.charCodeAt(0)) ? '' : ch);
    return out.replace(/^al(?=.)/, 'al-');
  });
  return words.map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
}
