// When a room in the rooms list is flagged: past these mean stutter rates (%) over the window
// (DescribeTRTCRealTimeQualityData, 003_530a54cf0f8c0df7.txt L4681–L5233) or past this mean packet
// loss (%) of its worst user (DescribeCallDetailInfo aLoss / bigvLoss, L11938–L11957). Main's sweep
// sets RoomQuality.flagged with them and the rooms table marks the cells past them.
export const FLAG_VIDEO_STUTTER = 5
export const FLAG_AUDIO_STUTTER = 3
export const FLAG_LOSS = 5
