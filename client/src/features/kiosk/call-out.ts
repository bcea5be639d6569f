/**
 * The spoken call-out when the expert calls the patient ("请 1 号 王*国 进入云诊室"), always in
 * Mandarin (zh-CN), through the Web Speech API. Kiosks without speech synthesis just skip it.
 */
export interface SpeechEnv {
  speechSynthesis?: Pick<SpeechSynthesis, 'speak' | 'cancel'>;
  SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance;
}

/** "王*国" reads badly aloud (the asterisk is spoken or skipped): say 王某国. */
export function spokenName(maskedLabel: string): string {
  return maskedLabel.replace(/\*+/g, '某');
}

/** Speaks `text` (zh-CN, slightly slow, said twice). Returns false when speech is not available. */
export function speakCallOut(text: string, env: SpeechEnv = browserSpeech()): boolean {
  const synth = env.speechSynthesis;
  const Utterance = env.SpeechSynthesisUtterance;
  if (!synth || !Utterance) return false;
  try {
    synth.cancel();
    for (let i = 0; i < 2; i++) {
      const u = new Utterance(text);
      u.lang = 'zh-CN';
      u.rate = 0.9;
      synth.speak(u);
    }
    return true;
  } catch {
    return false;
  }
}

function browserSpeech(): SpeechEnv {
  if (typeof window === 'undefined') return {};
  return {
    speechSynthesis: 'speechSynthesis' in window ? window.speechSynthesis : undefined,
    SpeechSynthesisUtterance: 'SpeechSynthesisUtterance' in window ? window.SpeechSynthesisUtterance : undefined,
  };
}
