import { describe, expect, it } from 'vitest';
import { checkCameraCounts, checkStatusChange, statusOn } from './models.js';

const history = [
  { status: 'active' as const, effectiveOn: '2023-01-01' },
  { status: 'paused' as const, effectiveOn: '2024-05-01' },
  { status: 'active' as const, effectiveOn: '2024-09-01' },
];

describe('model status over time', () => {
  it('derives the status of any date from the changes', () => {
    expect(statusOn(history, '2022-12-31')).toBeNull();
    expect(statusOn(history, '2023-06-01')?.status).toBe('active');
    expect(statusOn(history, '2024-05-01')?.status).toBe('paused');
    expect(statusOn(history, '2025-01-01')).toEqual({ status: 'active', effectiveOn: '2024-09-01' });
  });

  it('allows pause, resume and end; refuses going back in time and anything after the end', () => {
    expect(checkStatusChange(history, { status: 'paused', effectiveOn: '2025-01-01' })).toBeNull();
    expect(checkStatusChange(history, { status: 'ended', effectiveOn: '2025-01-01' })).toBeNull();
    expect(checkStatusChange(history, { status: 'active', effectiveOn: '2025-01-01' })?.field).toBe('status');
    expect(checkStatusChange(history, { status: 'paused', effectiveOn: '2024-08-01' })?.field).toBe(
      'effectiveOn',
    );
    const ended = [...history, { status: 'ended' as const, effectiveOn: '2025-02-01' }];
    expect(checkStatusChange(ended, { status: 'active', effectiveOn: '2025-03-01' })?.message).toContain(
      'đã kết thúc',
    );
  });
});

describe('camera counts', () => {
  it('are required (whole numbers ≥ 0) for a camera kind', () => {
    expect(
      checkCameraCounts({ isCamera: true, kindName: 'Camera an ninh', cameraPoints: 4, cameras: 9 }),
    ).toEqual([]);
    expect(
      checkCameraCounts({ isCamera: true, kindName: 'Camera an ninh', cameraPoints: 0, cameras: 0 }),
    ).toEqual([]);
    const missing = checkCameraCounts({
      isCamera: true,
      kindName: 'Camera an ninh',
      cameraPoints: null,
      cameras: 3,
    });
    expect(missing).toEqual([
      expect.objectContaining({ code: 'models.camera_count_required', field: 'cameraPoints' }),
    ]);
    expect(
      checkCameraCounts({ isCamera: true, kindName: 'Camera an ninh', cameraPoints: -1, cameras: 1.5 }).map(
        (problem) => problem.field,
      ),
    ).toEqual(['cameraPoints', 'cameras']);
  });

  it('are refused for any other kind', () => {
    const problems = checkCameraCounts({
      isCamera: false,
      kindName: 'Tiếng kẻng an ninh',
      cameraPoints: 2,
      cameras: null,
    });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'models.camera_count_not_camera', field: 'cameraPoints' }),
    ]);
    expect(
      checkCameraCounts({ isCamera: false, kindName: 'Khác', cameraPoints: null, cameras: undefined }),
    ).toEqual([]);
  });
});
