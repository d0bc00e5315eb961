/*
 * The declarations the FUSE adapter binds on macOS, written out here because no macOS SDK or macFUSE is installed
 * on the machines that build and test PadoFs. Compiled freestanding by clang for arm64-apple-macos11 and
 * x86_64-apple-macos10.15; the layout tests compare what clang computes with the C# structs.
 *
 * Transcribed by hand, field by field, from:
 *   - XNU (xnu-11417.101.15): bsd/sys/_types.h, bsd/arm/_types.h, bsd/sys/_types/_*_t.h (the integer types),
 *     bsd/sys/stat.h (struct stat as __DARWIN_STRUCT_STAT64, the 64-bit inode layout), bsd/sys/_types/_s_ifmt.h,
 *     bsd/sys/mount.h (__DARWIN_STRUCT_STATFS64, MNT_FORCE, MNT_NOWAIT), bsd/sys/errno.h, bsd/sys/fcntl.h,
 *     bsd/sys/unistd.h;
 *   - Apple's Libc (Libc-1725.0.11): include/sys/statvfs.h;
 *   - macFUSE's libfuse3 (github.com/macfuse/library, the libfuse 3.17-based tree): include/fuse_common.h and
 *     include/fuse.h with FUSE_DARWIN_ENABLE_EXTENSIONS 0, which turns every FUSE_DARWIN_EXTEND_OPERATION slot
 *     into its vanilla type; FUSE_USE_VERSION 312.
 * A mistake in this transcription would pass unnoticed: these tests check the binding against this file, and this
 * file against the headers only by reading.
 */

typedef signed char int8_t;
typedef unsigned char uint8_t;
typedef short int16_t;
typedef unsigned short uint16_t;
typedef int int32_t;
typedef unsigned int uint32_t;
typedef long long int64_t;
typedef unsigned long long uint64_t;
typedef unsigned long size_t;
typedef long ssize_t;

/* bsd/sys/_types.h, bsd/<arch>/_types.h */
typedef int32_t dev_t;
typedef uint16_t mode_t;
typedef uint16_t nlink_t;
typedef uint64_t ino_t; /* __darwin_ino64_t: ino_t is 64-bit with _DARWIN_FEATURE_64_BIT_INODE */
typedef uint32_t uid_t;
typedef uint32_t gid_t;
typedef int32_t pid_t;
typedef int64_t off_t;
typedef int64_t blkcnt_t;
typedef int32_t blksize_t;
typedef long time_t;
typedef uint32_t fsblkcnt_t; /* unsigned int, unlike glibc's 64-bit one */
typedef uint32_t fsfilcnt_t;

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

/* bsd/sys/stat.h, __DARWIN_STRUCT_STAT64 */
struct stat {
	dev_t st_dev;
	mode_t st_mode;
	nlink_t st_nlink;
	ino_t st_ino;
	uid_t st_uid;
	gid_t st_gid;
	dev_t st_rdev;
	struct timespec st_atimespec;
	struct timespec st_mtimespec;
	struct timespec st_ctimespec;
	struct timespec st_birthtimespec;
	off_t st_size;
	blkcnt_t st_blocks;
	blksize_t st_blksize;
	uint32_t st_flags;
	uint32_t st_gen;
	int32_t st_lspare;
	int64_t st_qspare[2];
};

#define S_IFDIR 0040000
#define S_IFREG 0100000

/* Libc include/sys/statvfs.h */
struct statvfs {
	unsigned long f_bsize;
	unsigned long f_frsize;
	fsblkcnt_t f_blocks;
	fsblkcnt_t f_bfree;
	fsblkcnt_t f_bavail;
	fsfilcnt_t f_files;
	fsfilcnt_t f_ffree;
	fsfilcnt_t f_favail;
	unsigned long f_fsid;
	unsigned long f_flag;
	unsigned long f_namemax;
};

/* bsd/sys/mount.h, the 64-bit inode struct statfs (__DARWIN_STRUCT_STATFS64) */
#define MFSTYPENAMELEN 16
#define MAXPATHLEN 1024
typedef struct fsid { int32_t val[2]; } fsid_t;
struct statfs {
	uint32_t f_bsize;
	int32_t f_iosize;
	uint64_t f_blocks;
	uint64_t f_bfree;
	uint64_t f_bavail;
	uint64_t f_files;
	uint64_t f_ffree;
	fsid_t f_fsid;
	uid_t f_owner;
	uint32_t f_type;
	uint32_t f_flags;
	uint32_t f_fssubtype;
	char f_fstypename[MFSTYPENAMELEN];
	char f_mntonname[MAXPATHLEN];
	char f_mntfromname[MAXPATHLEN];
	uint32_t f_flags_ext;
	uint32_t f_reserved[7];
};

#define MNT_FORCE 0x00080000
#define MNT_NOWAIT 2

/* bsd/sys/errno.h */
#define EPERM 1
#define ENOENT 2
#define EIO 5
#define EACCES 13
#define EBUSY 16
#define ENOTDIR 20
#define EISDIR 21
#define EROFS 30
#define ENOTCONN 57

/* bsd/sys/fcntl.h, bsd/sys/unistd.h */
#define O_RDONLY 0x0000
#define O_ACCMODE 0x0003
#define O_TRUNC 0x00000400
#define X_OK (1 << 0)
#define W_OK (1 << 1)

/* macFUSE include/fuse_common.h */
struct fuse_file_info {
	int32_t flags;
	uint32_t writepage : 1;
	uint32_t direct_io : 1;
	uint32_t keep_cache : 1;
	uint32_t flush : 1;
	uint32_t nonseekable : 1;
	uint32_t flock_release : 1;
	uint32_t cache_readdir : 1;
	uint32_t noflush : 1;
	uint32_t parallel_direct_writes : 1;
	uint32_t padding : 23;
	uint32_t padding2 : 32;
	uint32_t padding3 : 32;
	uint64_t fh;
	uint64_t lock_owner;
	uint32_t poll_events;
	int32_t backing_id;
	uint64_t compat_flags;
	uint64_t reserved[2];
};

#define FUSE_CAP_READDIRPLUS (1 << 13)
#define FUSE_CAP_READDIRPLUS_AUTO (1 << 14)

struct fuse_conn_info {
	uint32_t proto_major;
	uint32_t proto_minor;
	uint32_t max_write;
	uint32_t max_read;
	uint32_t max_readahead;
	uint32_t capable;
	uint32_t want;
	uint32_t max_background;
	uint32_t congestion_threshold;
	uint32_t time_gran;
	uint32_t max_backing_stack_depth;
	uint32_t no_interrupt : 1;
	uint32_t padding : 31;
	uint64_t capable_ext;
	uint64_t want_ext;
	uint64_t capable_darwin; /* __APPLE__ only */
	uint64_t want_darwin;
	uint32_t reserved[16];
};

/* macFUSE include/fuse_opt.h */
struct fuse_args {
	int argc;
	char **argv;
	int allocated;
};

/* macFUSE include/fuse.h */
struct fuse;
struct fuse_bufvec;
struct fuse_pollhandle;
struct flock;

struct fuse_config {
	int32_t set_gid;
	uint32_t gid;
	int32_t set_uid;
	uint32_t uid;
	int32_t set_mode;
	uint32_t umask;
	double entry_timeout;
	double negative_timeout;
	double attr_timeout;
	int32_t intr;
	int32_t intr_signal;
	int32_t remember;
	int32_t hard_remove;
	int32_t use_ino;
	int32_t readdir_ino;
	int32_t direct_io;
	int32_t kernel_cache;
	int32_t auto_cache;
	int32_t ac_attr_timeout_set;
	double ac_attr_timeout;
	int32_t nullpath_ok;
	int32_t show_help;
	char *modules;
	int32_t debug;
	uint32_t fmask;
	uint32_t dmask;
	int32_t no_rofd_flush;
	int32_t parallel_direct_writes;
	uint32_t flags;
	uint64_t reserved[48];
};

typedef int (*fuse_fill_dir_t)(void *buf, const char *name, const struct stat *stbuf, off_t off, int flags);

struct fuse_operations {
	int (*getattr)(const char *, struct stat *, struct fuse_file_info *);
	int (*setattr)(const char *, void * /* struct fuse_darwin_attr */, int, struct fuse_file_info *);
	int (*readlink)(const char *, char *, size_t);
	int (*mknod)(const char *, mode_t, dev_t);
	int (*mkdir)(const char *, mode_t);
	int (*unlink)(const char *);
	int (*rmdir)(const char *);
	int (*symlink)(const char *, const char *);
	int (*rename)(const char *, const char *, unsigned int);
	int (*link)(const char *, const char *);
	int (*chmod)(const char *, mode_t, struct fuse_file_info *);
	int (*chown)(const char *, uid_t, gid_t, struct fuse_file_info *);
	int (*truncate)(const char *, off_t, struct fuse_file_info *);
	int (*open)(const char *, struct fuse_file_info *);
	int (*read)(const char *, char *, size_t, off_t, struct fuse_file_info *);
	int (*write)(const char *, const char *, size_t, off_t, struct fuse_file_info *);
	int (*statfs)(const char *, struct statvfs *);
	int (*flush)(const char *, struct fuse_file_info *);
	int (*release)(const char *, struct fuse_file_info *);
	int (*fsync)(const char *, int, struct fuse_file_info *);
	int (*setxattr)(const char *, const char *, const char *, size_t, int);
	int (*getxattr)(const char *, const char *, char *, size_t);
	int (*listxattr)(const char *, char *, size_t);
	int (*removexattr)(const char *, const char *);
	int (*opendir)(const char *, struct fuse_file_info *);
	int (*readdir)(const char *, void *, fuse_fill_dir_t, off_t, struct fuse_file_info *, int);
	int (*releasedir)(const char *, struct fuse_file_info *);
	int (*fsyncdir)(const char *, int, struct fuse_file_info *);
	void *(*init)(struct fuse_conn_info *, struct fuse_config *);
	void (*destroy)(void *);
	int (*access)(const char *, int);
	int (*create)(const char *, mode_t, struct fuse_file_info *);
	int (*lock)(const char *, struct fuse_file_info *, int, struct flock *);
	int (*utimens)(const char *, const struct timespec tv[2], struct fuse_file_info *);
	int (*bmap)(const char *, size_t, uint64_t *);
	int (*ioctl)(const char *, unsigned int, void *, struct fuse_file_info *, unsigned int, void *);
	int (*poll)(const char *, struct fuse_file_info *, struct fuse_pollhandle *, unsigned *);
	int (*write_buf)(const char *, struct fuse_bufvec *, off_t, struct fuse_file_info *);
	int (*read_buf)(const char *, struct fuse_bufvec **, size_t, off_t, struct fuse_file_info *);
	int (*flock)(const char *, struct fuse_file_info *, int);
	int (*fallocate)(const char *, int, off_t, off_t, struct fuse_file_info *);
	ssize_t (*copy_file_range)(const char *, struct fuse_file_info *, off_t, const char *, struct fuse_file_info *, off_t, size_t, int);
	off_t (*lseek)(const char *, off_t, int, struct fuse_file_info *);
	int (*chflags)(const char *, struct fuse_file_info *, unsigned int);
	int (*setvolname)(const char *);
	void (*monitor)(const char *, uint32_t);
};

struct fuse_context {
	struct fuse *fuse;
	uid_t uid;
	gid_t gid;
	pid_t pid;
	void *private_data;
	mode_t umask;
};
