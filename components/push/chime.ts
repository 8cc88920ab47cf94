/**
 * A short two-tone chime made with WebAudio, so no audio file is shipped or fetched (and the CSP needs
 * no media-src). Browsers allow sound only after the person interacted with the page; before that the
 * AudioContext stays suspended and this is silent, which is the browser's rule, not ours to work around.
 */
export function playChime(): void {
  const Context = window.AudioContext;
  if (!Context) return;
  const audio = new Context();
  const start = audio.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.18, 660],
  ] as const) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = frequency;
    // A quick fade in and out: a plain on/off square of sound clicks.
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.3, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.16);
    tone.connect(gain).connect(audio.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 0.17);
  }
  window.setTimeout(() => void audio.close(), 600);
}
