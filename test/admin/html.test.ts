import { describe, expect, it } from 'vitest';
import { escapeHtml, scriptJson } from '../../src/admin/html.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;',
    );
    expect(escapeHtml('加氢站目标是多少')).toBe('加氢站目标是多少');
  });
});

describe('scriptJson', () => {
  it('cannot close its script element or open a comment, and parses back to the same value', () => {
    const value = { q: '</script><script>alert(1)</script><!-- & \u2028', n: [1, 2] };
    const text = scriptJson(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
