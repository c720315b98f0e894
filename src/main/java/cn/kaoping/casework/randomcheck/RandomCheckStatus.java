package cn.kaoping.casework.randomcheck;

/** Where a random check stands: its lists frozen with the commitment, or drawn with the secret revealed. */
public enum RandomCheckStatus {
    FROZEN, DRAWN
}
