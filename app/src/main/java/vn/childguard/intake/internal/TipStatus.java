package vn.childguard.intake.internal;

/** Where a public tip stands; the only thing the tracking code reveals. */
public enum TipStatus { NEW, TRIAGED, FORWARDED, CLOSED }
