import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { focusWhenReady } from './focus';

describe('focusWhenReady', () => {
  let pressed: HTMLButtonElement;
  let field: HTMLInputElement;
  let panel: HTMLDivElement;

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.innerHTML = '<button>Save</button><input aria-label="Name" /><div tabindex="-1"></div>';
    pressed = document.querySelector('button')!;
    field = document.querySelector('input')!;
    panel = document.querySelector('div')!;
    pressed.focus();
  });

  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  it('focuses the element once it shows, a few attempts later', () => {
    let shown = false;
    focusWhenReady(() => (shown ? panel : null));
    vi.advanceTimersByTime(100);
    shown = true;
    vi.advanceTimersByTime(25);
    expect(document.activeElement).toBe(panel);
  });

  it('still focuses it when focus only fell to the body (the pressed button went)', () => {
    let shown = false;
    focusWhenReady(() => (shown ? panel : null));
    pressed.remove();
    shown = true;
    vi.advanceTimersByTime(25);
    expect(document.activeElement).toBe(panel);
  });

  it('leaves focus where the person put it while the element was not there yet', () => {
    let shown = false;
    focusWhenReady(() => (shown ? panel : null));
    vi.advanceTimersByTime(100);
    field.focus();
    shown = true;
    vi.advanceTimersByTime(500);
    expect(document.activeElement).toBe(field);
  });

  it('does not take the rest of what the person types into a field after they clicked it', async () => {
    vi.useRealTimers();
    const user = userEvent.setup({ delay: 10 });
    let shown = false;
    setTimeout(() => (shown = true), 40);
    focusWhenReady(() => (shown ? panel : null));
    await user.type(field, 'Lee Wong');
    expect(field.value).toBe('Lee Wong');
    expect(document.activeElement).toBe(field);
  });
});
