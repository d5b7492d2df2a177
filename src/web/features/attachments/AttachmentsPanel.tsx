/**
 * The files of one record, for every module: photos as thumbnails (opened large in the page), other files as a
 * list to download; an upload button and removal for those who may change the record. The server checks the type
 * by the bytes and strips EXIF/GPS from images; the page only shows what it answers.
 */
import { DeleteOutlined, DownloadOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Image, Input, List, message, Popconfirm, Upload } from 'antd';
import { useState } from 'react';
import {
  type Attachment,
  type AttachmentEntityType,
  inlineUrl,
  removeAttachment,
  uploadAttachment,
} from '../../api/attachments';
import { useMessages, useT } from '../../app/i18n';
import { DateTimeText } from '../../components/DateTimeText';
import { errorText } from '../../components/errorText';
import { attachmentMessages } from './messages';
import './attachments.css';

const ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.doc,.docx,.xls,.xlsx';

export function AttachmentsPanel({
  entityType,
  entityId,
  attachments,
  canWrite,
  /** The queries that hold the record (its detail carries the files): refreshed after a change. */
  refreshKey,
}: {
  entityType: AttachmentEntityType;
  entityId: number;
  attachments: readonly Attachment[];
  canWrite: boolean;
  refreshKey: readonly unknown[];
}) {
  const t = useT();
  const m = useMessages(attachmentMessages);
  const client = useQueryClient();
  const [messageApi, holder] = message.useMessage();
  const [caption, setCaption] = useState('');
  const [busy, setBusy] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: refreshKey });
  const images = attachments.filter((file) => file.image);
  const others = attachments.filter((file) => !file.image);

  const remove = (file: Attachment) =>
    removeAttachment(file.id).then(
      () => {
        void messageApi.success(m.removed);
        void refresh();
      },
      (error: unknown) => void messageApi.error(errorText(t, error)),
    );

  return (
    <div className="attachments">
      {holder}
      {canWrite && (
        <div className="attachments__upload">
          <Input
            aria-label={m.caption}
            placeholder={m.captionPlaceholder}
            title={m.caption}
            value={caption}
            maxLength={300}
            onChange={(event) => setCaption(event.target.value)}
            className="attachments__caption"
          />
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            multiple
            customRequest={({ file, onSuccess, onError }) => {
              const picked = file as File;
              setBusy(true);
              uploadAttachment(entityType, entityId, picked, caption.trim() || undefined).then(
                (created) => {
                  onSuccess?.(created);
                  setBusy(false);
                  setCaption('');
                  void messageApi.success(m.uploaded(created.fileName));
                  void refresh();
                },
                (error: unknown) => {
                  onError?.(error as Error);
                  setBusy(false);
                  void messageApi.error(errorText(t, error));
                },
              );
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              {busy ? m.uploading : m.upload}
            </Button>
          </Upload>
          <p className="muted attachments__hint">{m.hint}</p>
        </div>
      )}
      {attachments.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={m.empty} />}
      {images.length > 0 && (
        <Image.PreviewGroup>
          <ul className="attachments__thumbs" aria-label={m.photos}>
            {images.map((file) => (
              <li key={file.id} className="attachments__thumb">
                <Image
                  src={inlineUrl(file)}
                  alt={file.caption ?? file.fileName}
                  width={148}
                  height={110}
                  style={{ objectFit: 'cover' }}
                />
                <div className="attachments__thumb-caption">
                  <span className="attachments__name" title={file.fileName}>
                    {file.caption ?? file.fileName}
                  </span>
                  <span className="attachments__actions">
                    <a href={file.url} download aria-label={`${m.download} ${file.fileName}`}>
                      <DownloadOutlined />
                    </a>
                    {canWrite && (
                      <Popconfirm
                        title={m.removeConfirm(file.fileName)}
                        okText={m.remove}
                        cancelText={m.cancel}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove(file)}
                      >
                        <button
                          type="button"
                          className="link-button"
                          aria-label={`${m.remove} ${file.fileName}`}
                        >
                          <DeleteOutlined />
                        </button>
                      </Popconfirm>
                    )}
                  </span>
                </div>
              </li>
            ))}
          </ul>
        </Image.PreviewGroup>
      )}
      {others.length > 0 && (
        <List
          size="small"
          aria-label={m.files}
          dataSource={others}
          renderItem={(file) => (
            <List.Item
              actions={[
                <a key="download" href={file.url} download>
                  <DownloadOutlined /> {m.download}
                </a>,
                ...(canWrite
                  ? [
                      <Popconfirm
                        key="remove"
                        title={m.removeConfirm(file.fileName)}
                        okText={m.remove}
                        cancelText={m.cancel}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove(file)}
                      >
                        <Button size="small" type="text" danger icon={<DeleteOutlined />}>
                          {m.remove}
                        </Button>
                      </Popconfirm>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                avatar={<FileOutlined />}
                title={file.fileName}
                description={
                  <span>
                    {file.caption ? `${file.caption} · ` : ''}
                    {m.size(file.sizeBytes)} · <DateTimeText value={file.createdAt} />
                    {file.createdBy ? ` · ${file.createdBy}` : ''}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
