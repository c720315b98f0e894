-- The complaints a joint meeting is about (seed 003 二、(一)2 and 三、(二): 从解决一批业主投诉反映多…的问题着手): chosen
-- from the street's work orders when it convenes; the meeting page and each work order link the other (issue 14).
CREATE TABLE joint_meeting_complaint (
    meeting_id   BIGINT NOT NULL REFERENCES joint_meeting (id) ON DELETE CASCADE,
    complaint_id BIGINT NOT NULL REFERENCES complaint (id),
    PRIMARY KEY (meeting_id, complaint_id)
);
CREATE INDEX joint_meeting_complaint_idx ON joint_meeting_complaint (complaint_id);
