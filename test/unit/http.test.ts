import { describe, expect, it, vi } from 'vitest';
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.ts';
import { errorResponse, jsonBody, type HttpEvent } from '../../functions/shared/edge/http.ts';

describe('errorResponse', () => {
  it.each([
    [new ValidationError('Sai', [{ field: 'data.a', message: 'Thiếu' }]), 400],
    [new ForbiddenError('Không có quyền'), 403],
    [new NotFoundError('Không thấy'), 404],
  ])('maps %s to its status with its Vietnamese message', (error, status) => {
    // Act
    const response = errorResponse(error);

    // Assess
    expect(response.statusCode).toBe(status);
    expect(JSON.parse(response.body ?? '')).toMatchObject({ error: error.name, message: error.message });
  });

  it('answers an unexpected error with a plain 500 that leaks nothing', () => {
    // Prepare
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    // Act
    const response = errorResponse(new Error('connect ECONNREFUSED 10.0.0.5:8000 secret-table'));

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('ECONNREFUSED');
    expect(response.body).not.toContain('secret-table');
    log.mockRestore();
  });
});

describe('jsonBody', () => {
  it('reads a base64-encoded body as API Gateway may send it', () => {
    // Prepare
    const event = { body: Buffer.from('{"a":"Đoàn"}').toString('base64'), isBase64Encoded: true } as HttpEvent;

    // Act + Assess
    expect(jsonBody(event)).toEqual({ a: 'Đoàn' });
  });

  it('says in Vietnamese that a body is not JSON', () => {
    // Prepare
    const event = { body: '{not json', isBase64Encoded: false } as HttpEvent;

    // Act + Assess
    expect(() => jsonBody(event)).toThrow('Nội dung yêu cầu không phải JSON hợp lệ.');
  });
});
