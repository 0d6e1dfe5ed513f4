-- The checklist engine: versioned templates (a version is never changed; a new one replaces it for new
-- work), their items, and per subject (a resumption application, later a site or a pharmacy check) the
-- latest result of each item with its photos. Photos live in the evidence store on disk, named by id.
create table checklist_template (
  id              uuid          primary key,
  code            varchar(40)   not null,
  version         int           not null,
  name            varchar(100)  not null,
  purpose         varchar(500),
  sign_offs       text[]        not null default '{}',
  min_mask_days   int,
  isolation_room  boolean       not null default false,
  builtin         boolean       not null default false,
  created_by      varchar(100)  not null,
  created_at      timestamptz   not null,
  unique (code, version)
);

create table checklist_template_item (
  template_id uuid          not null references checklist_template (id),
  position    int           not null,
  code        varchar(40)   not null,
  text        varchar(500)  not null,
  blocking    boolean       not null,
  evidence    varchar(10)   not null,
  primary key (template_id, code)
);

create table checklist_result (
  subject_type varchar(40)   not null,
  subject_id   uuid          not null,
  template_id  uuid          not null references checklist_template (id),
  item_code    varchar(40)   not null,
  outcome      varchar(4)    not null,
  note         varchar(1000),
  on_site      boolean       not null,
  problem_id   uuid,
  recorded_by  varchar(100)  not null,
  recorded_at  timestamptz   not null,
  primary key (subject_type, subject_id, item_code)
);

create table checklist_photo (
  id           uuid          primary key,
  subject_type varchar(40)   not null,
  subject_id   uuid          not null,
  item_code    varchar(40)   not null,
  content_type varchar(20)   not null,
  size_bytes   bigint        not null,
  sha256       char(64)      not null,
  uploaded_by  varchar(100)  not null,
  uploaded_at  timestamptz   not null
);
create index checklist_photo_subject on checklist_photo (subject_type, subject_id, item_code, uploaded_at);

-- The platform's own templates, version 1 (like the protocol rule sets, they come with the schema).
-- Wording the sources do not fix word for word is the platform's (marked [U] in the purpose): a city
-- changes it by adding a version.
insert into checklist_template (id, code, version, name, purpose, sign_offs, min_mask_days, isolation_room, builtin,
  created_by, created_at) values
  ('6c1c0a3e-0000-4000-8000-000000000001', 'FIVE_IN_PLACE', 1, '企业复工复产“五到位”',
   '企业复工复产验收：防控机制、员工排查、设施物资、消毒通风、安全生产到位', '{法定代表人}', 3, true, true, 'system', now()),
  ('6c1c0a3e-0000-4000-8000-000000000002', 'FOUR_AFTER', 1, '“四后”防控预案',
   '节后、返岗后、复工后、开学后防控预案 [U]', '{法定代表人}', null, true, true, 'system', now()),
  ('6c1c0a3e-0000-4000-8000-000000000003', 'SENIOR_THREE_TEN', 1, '高三开学“十个到位”',
   '高三年级开学逐校逐项验收（条目措辞 [U]）', '{党委政府主要负责同志,教育行政主管部门负责人,校长}', 15, true, true, 'system',
   now()),
  ('6c1c0a3e-0000-4000-8000-000000000004', 'SCENIC_SPOT', 1, '景区恢复开放',
   '景区恢复开放：分区分级、限量、预约、错峰', '{景区负责人}', 3, true, true, 'system', now()),
  ('6c1c0a3e-0000-4000-8000-000000000005', 'RELIGIOUS_SITE', 1, '宗教活动场所恢复开放',
   '宗教活动场所“两暂停”解除后恢复开放', '{场所负责人}', 3, true, true, 'system', now());

insert into checklist_template_item (template_id, position, code, text, blocking, evidence) values
  ('6c1c0a3e-0000-4000-8000-000000000001', 1, 'MECHANISM', '防控机制到位：成立疫情防控工作专班，明确防疫联络员', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000001', 2, 'SCREENING', '员工排查到位：返岗人员逐一登记健康状况和14天行程', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000001', 3, 'SUPPLIES', '设施物资到位：口罩按每人每天不少于1只储备3天以上，设置临时隔离室', true, 'PHOTO'),
  ('6c1c0a3e-0000-4000-8000-000000000001', 4, 'DISINFECTION', '消毒通风到位：办公、生产、食堂、宿舍定时消毒通风', true, 'PHOTO'),
  ('6c1c0a3e-0000-4000-8000-000000000001', 5, 'SAFETY', '安全生产到位：复工前安全检查', false, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000002', 1, 'SCREENING', '人员排查已完成', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000002', 2, 'INTERNAL_RULES', '内部管控制度已建立', true, 'DOCUMENT'),
  ('6c1c0a3e-0000-4000-8000-000000000002', 3, 'ISOLATION_ROOM', '临时隔离室已设置', true, 'PHOTO'),
  ('6c1c0a3e-0000-4000-8000-000000000002', 4, 'EMERGENCY_CONTACTS', '应急联络人已明确', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000002', 5, 'LEGAL_SIGNED', '法定代表人已签字', true, 'DOCUMENT'),
  ('6c1c0a3e-0000-4000-8000-000000000003', 1, 'HOME_ISOLATION', '师生返校前居家隔离14天，持乡镇（社区）出具的健康证明', true, 'DOCUMENT'),
  ('6c1c0a3e-0000-4000-8000-000000000003', 2, 'TRAVEL_REPORT', '返校时报告14天行程', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000003', 3, 'STAGGERED_RETURN', '分班错时返校', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000003', 4, 'GATE_TEMPERATURE', '校门测温', true, 'PHOTO'),
  ('6c1c0a3e-0000-4000-8000-000000000003', 5, 'MASKS', '按每生15至20天储备口罩', true, 'PHOTO'),
  ('6c1c0a3e-0000-4000-8000-000000000003', 6, 'CLOSED_MANAGEMENT', '校园封闭管理', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000003', 7, 'CONTACT_HOSPITAL', '每校确定一所对接医院', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000003', 8, 'STATIONED_STAFF', '驻校人员到位：医务人员2名、公安1名、市场监管1名，另派驻防控指导员', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000003', 9, 'CLASS_SIZE', '每班不超过30人，宿舍每间2至3人', true, 'PHOTO'),
  ('6c1c0a3e-0000-4000-8000-000000000003', 10, 'DAILY_ROUTINE', '错峰就餐，每日两次测温，消毒通风', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000004', 1, 'ZONING', '分区分级：所在地为中高风险地区的景区暂不开放', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000004', 2, 'STAFF_HEALTH', '员工健康监测和行程排查', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000004', 3, 'ENTRY_CHECK', '一进一测一登记', true, 'PHOTO'),
  ('6c1c0a3e-0000-4000-8000-000000000004', 4, 'BOOKING', '实名预约、分时段游览', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000004', 5, 'CAPACITY', '游客量不超过核定最大承载量的30%，只开放室外区域', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000005', 1, 'TWO_SUSPENSIONS', '“两暂停”（暂停开放、暂停集体宗教活动）解除前不开放', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000005', 2, 'CLERGY_ROSTER', '教职人员和工作人员名册健康排查', true, 'NONE'),
  ('6c1c0a3e-0000-4000-8000-000000000005', 3, 'DISINFECTION', '场所消毒通风', true, 'PHOTO');
