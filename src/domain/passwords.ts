/** Password rules shown to the user before they type, and checked again by the server. */
export const PASSWORD_MIN_LENGTH = 10;

export interface PasswordProblem {
  code: string;
  message: string;
}

const COMMON = new Set([
  '1234567890',
  '12345678910',
  'matkhau123',
  'password123',
  'qwertyuiop',
  'abc1234567',
  '0123456789',
]);

export function checkPasswordStrength(
  password: string,
  context: { username: string; fullName?: string },
): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { code: 'password.too_short', message: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự` };
  }
  if (password.length > 200)
    return { code: 'password.too_long', message: 'Mật khẩu không được dài quá 200 ký tự' };
  const lower = password.toLowerCase();
  if (lower.includes(context.username.toLowerCase())) {
    return { code: 'password.contains_username', message: 'Mật khẩu không được chứa tên đăng nhập' };
  }
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) {
    return { code: 'password.too_common', message: 'Mật khẩu quá dễ đoán, hãy chọn mật khẩu khác' };
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) =>
    pattern.test(password),
  ).length;
  if (classes < 2) {
    return {
      code: 'password.too_simple',
      message: 'Mật khẩu cần kết hợp ít nhất hai loại: chữ thường, chữ hoa, chữ số, ký tự đặc biệt',
    };
  }
  return null;
}
