/**
 * Casework (seed 003 二、(一)2 and 7, seed 001 rows 3 and 6): owners' complaints, joint meetings and 双随机一公开
 * random inspections. The first part built is the auditable random draw ({@code rules.RandomDraw}). See
 * {@code docs/casework.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Casework")
package cn.kaoping.casework;
