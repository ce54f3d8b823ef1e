import { describe, expect, it } from 'vitest';
import { formatAuditDetails, parseAuditDetails } from './business-audit.service.js';

describe('audit details (issue 14, defect 6)', () => {
  it('stores named facts as name=value pairs and reads them back, spaces and `=` in values included', () => {
    const stored = formatAuditDetails({
      contact: 'Jane Q. Doe',
      previousRole: 'EMPLOYEE',
      role: 'BAM',
      formula: 'a=b',
      cents: 1000,
      group: null,
      client: undefined,
    });
    expect(stored).toBe('contact=Jane%20Q.%20Doe previousRole=EMPLOYEE role=BAM formula=a%3Db cents=1000');
    expect(parseAuditDetails(stored)).toEqual([
      { name: 'contact', value: 'Jane Q. Doe' },
      { name: 'previousRole', value: 'EMPLOYEE' },
      { name: 'role', value: 'BAM' },
      { name: 'formula', value: 'a=b' },
      { name: 'cents', value: '1000' },
    ]);
    expect(formatAuditDetails({})).toBeNull();
    expect(parseAuditDetails(null)).toEqual([]);
  });

  it('reads rows written before values were encoded', () => {
    expect(parseAuditDetails('contact=Jane Doe')).toEqual([{ name: 'contact', value: 'Jane Doe' }]);
    expect(parseAuditDetails('membership=m1 role=EMPLOYEE->BAM accounts=2')).toEqual([
      { name: 'membership', value: 'm1' },
      { name: 'role', value: 'EMPLOYEE->BAM' },
      { name: 'accounts', value: '2' },
    ]);
    expect(parseAuditDetails('key=100%')).toEqual([{ name: 'key', value: '100%' }]);
  });
});
