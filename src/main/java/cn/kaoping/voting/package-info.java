/**
 * Owner decisions 业主共同决定 (seed 003 二、(一)8: 业主网上投票表决系统; 民法典 第二百七十八条): the tally that counts
 * owners by exclusive-part area and by headcount as the law requires, offered as a public function today and used
 * by every real vote. See {@code docs/voting.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Voting")
package cn.kaoping.voting;
