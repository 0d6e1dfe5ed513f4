-- The standard a quarantine site is checked against before it is activated (隔离场所设置标准, docs/domain.md
-- §6): 三区两通道, single rooms with their own bathroom, contactless meals and rubbish, staff in level-2
-- protection, temperatures twice a day, environment samples negative. A city changes it by adding a version.
insert into checklist_template (id, code, version, name, purpose, sign_offs, min_mask_days, isolation_room, builtin,
  created_by, created_at) values
  ('6c1c0a3e-0000-4000-8000-000000000006', 'SITE_STANDARD', 1, '集中隔离场所设置标准',
   '集中隔离场所启用前逐项验收；不合格项可转为督查问题', '{}', null, false, true, 'system', now());

insert into checklist_template_item (template_id, position, code, text, blocking, evidence) values
  ('6c1c0a3e-0000-4000-8000-000000000006', 1, 'THREE_ZONES', '三区两通道：污染区、潜在污染区、清洁区分开，工作人员通道与隔离人员通道分设', true, 'PHOTO'),
  ('6c1c0a3e-0000-4000-8000-000000000006', 2, 'SINGLE_ROOMS', '单人单间，房间有独立卫生间', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000006', 3, 'CONTACTLESS', '无接触送餐和垃圾收运', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000006', 4, 'STAFF_PPE', '工作人员二级防护', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000006', 5, 'TEMPERATURE', '每日两次体温检测', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000006', 6, 'ENVIRONMENT', '环境样本检测阴性后方可启用或解除', true, 'DOCUMENT');
