import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { taggedText } from './tagged-text';

describe('taggedText', () => {
  it('puts each tag’s text into its element, and keeps the text around it', () => {
    const { container } = render(
      <p>
        {taggedText('Call <phone>1-800-461-9999</phone> or <mail>write</mail>.', {
          phone: <a href="tel:18004619999" />,
          mail: <em />,
        })}
      </p>,
    );
    expect(container.innerHTML).toBe(
      '<p>Call <a href="tel:18004619999">1-800-461-9999</a> or <em>write</em>.</p>',
    );
  });

  it('shows the text alone of a tag with no element, and a sentence without tags as it is', () => {
    expect(taggedText('At <phone>1-800</phone>', {})).toEqual(['At ', '1-800']);
    expect(taggedText('No tags here.', { phone: <a /> })).toEqual(['No tags here.']);
  });
});
