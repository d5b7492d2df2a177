/** The words of the notification bell and its list, in both languages. */
const vi = {
  bellLabel: (unread: number) => (unread > 0 ? `Thông báo: ${unread} chưa đọc` : 'Thông báo'),
  title: 'Thông báo',
  empty: 'Chưa có thông báo nào.',
  readAll: 'Đánh dấu đã đọc tất cả',
  open: 'Mở',
  emailTitle: 'Nhận thông báo qua thư điện tử',
  emailHelp:
    'Thư chỉ báo có tin mới và đường dẫn, không chứa nội dung tin báo. Để trống để chỉ nhận thông báo trong ứng dụng.',
  emailSave: 'Lưu',
  emailSaved: 'Đã lưu',
};
type Messages = typeof vi;
const en: Messages = {
  bellLabel: (unread: number) => (unread > 0 ? `Notifications: ${unread} unread` : 'Notifications'),
  title: 'Notifications',
  empty: 'No notifications yet.',
  readAll: 'Mark all as read',
  open: 'Open',
  emailTitle: 'Notifications by e-mail',
  emailHelp:
    'The e-mail only says there is something new, with a link, never a report’s content. Empty: in the app only.',
  emailSave: 'Save',
  emailSaved: 'Saved',
};
export const notificationMessages = { vi, en };
